using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RaidCommand.Domain.Common;
using RaidCommand.EventStore;
using RaidCommand.Server.Hosting.ErrorHandling;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Commands;

/// <summary>
/// Turns refused commands into RFC 9457 problem details: a rule the state forbids now is 409, a request
/// the domain rejects is 422, an unknown resource 404, a stale If-Match 412, a field officer outside their team 403, a stream too contended to decide
/// on in a few attempts 409. Nothing was written in any case.
/// </summary>
public sealed class CommandExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            DomainRuleViolation violation => Violation(violation),
            ResourceNotFoundException missing => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = missing.Message, Type = "https://raidcommand.dev/problems/not-found",
            },
            PreconditionFailedException stale => WithCode(new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed, Title = "The stream has changed", Detail = stale.Message,
                Type = "https://raidcommand.dev/problems/precondition-failed", Extensions = { ["actualVersion"] = stale.ActualVersion },
            }, "stream.version-mismatch"),
            WrongExpectedVersionException contended => WithCode(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Too many simultaneous changes", Type = "https://raidcommand.dev/problems/stream-contended",
                Detail = $"{contended.StreamId} kept changing while this command was decided again and again; nothing was written. Retry with the same Idempotency-Key.",
            }, "stream.contended"),
            AccessDeniedException denied => WithCode(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Not permitted", Detail = denied.Message, Type = "https://raidcommand.dev/problems/access.denied",
            }, "access.denied"),
            EventIdReusedException reused => WithCode(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Command id reused", Detail = reused.Message,
                Type = "https://raidcommand.dev/problems/command-id-reused",
            }, "command.id-reused"),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        return await problems.AnswerAsync(httpContext, problem, exception);
    }

    private static ProblemDetails Violation(DomainRuleViolation violation)
    {
        var problem = new ProblemDetails
        {
            Status = violation.Kind == ViolationKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title = violation.Kind == ViolationKind.Conflict ? "Not allowed in the current state" : "The request breaks a rule",
            Detail = violation.Message,
            Type = $"https://raidcommand.dev/problems/{violation.Code}",
        };
        if (violation.Subjects.Count > 0)
        {
            problem.Extensions["subjects"] = violation.Subjects;
        }

        return WithCode(problem, violation.Code);
    }

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }
}
