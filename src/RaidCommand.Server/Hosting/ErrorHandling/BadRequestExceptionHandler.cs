using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RaidCommand.Server.Hosting.ErrorHandling;

/// <summary>
/// Requests the server could not read (malformed JSON, missing or unparsable parameters, bodies too large) are the
/// client's fault: answer with the exception's own 4xx status as problem details instead of a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false; // Everything else is for the other handlers, or the default handler's 500 problem details.
        }

        return await problemDetails.AnswerAsync(httpContext, new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = badRequest.Message,
        }, exception);
    }
}
