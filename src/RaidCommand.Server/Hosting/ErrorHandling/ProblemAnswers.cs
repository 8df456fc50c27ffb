using Microsoft.AspNetCore.Mvc;

namespace RaidCommand.Server.Hosting.ErrorHandling;

/// <summary>How every exception handler answers: the problem's status on the response, then the problem details.</summary>
public static class ProblemAnswers
{
    public static async ValueTask<bool> AnswerAsync(
        this IProblemDetailsService problemDetails, HttpContext httpContext, ProblemDetails problem, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(problemDetails);
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(problem);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
