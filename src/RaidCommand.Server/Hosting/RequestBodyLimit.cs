using Microsoft.AspNetCore.Http.Features;

namespace RaidCommand.Server.Hosting;

/// <summary>
/// Refuses request bodies over a limit with 413. Commands are small JSON documents (even a manifest of hundreds
/// of detainees is a few tens of KiB), so anything much larger is a mistake or an attack. Kestrel enforces the
/// limit on the wire, including chunked bodies; the middleware answers early, with problem details, for a declared
/// Content-Length, and also holds where Kestrel is not the server (the in-memory test server).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const string ConfigurationKey = "Api:MaxRequestBodyBytes";
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = MaxBytes(configuration);
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                $"The request body is {context.Request.ContentLength} bytes; at most {limit} are accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    public static long MaxBytes(IConfiguration configuration) =>
        configuration.GetValue(ConfigurationKey, DefaultMaxRequestBodyBytes);
}
