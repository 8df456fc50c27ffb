using System.Net.Http.Headers;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>
/// Signs in as <see cref="Account"/> on the first request and sends its token on every request that has no
/// Authorization header of its own (tests of bad tokens set theirs).
/// </summary>
public sealed class BearerTokenHandler(Func<HttpClient> anonymousClient, TestAccount account) : DelegatingHandler
{
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private SignedIn? _signedIn;

    public TestAccount Account => account;

    public async Task<SignedIn> SignedInAsync(CancellationToken cancellationToken = default)
    {
        if (_signedIn is { } known)
        {
            return known;
        }

        await _signingIn.WaitAsync(cancellationToken);
        try
        {
            using var anonymous = anonymousClient();
            return _signedIn ??= await TestAccounts.SignInAsync(anonymous, account);
        }
        finally
        {
            _signingIn.Release();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", (await SignedInAsync(cancellationToken)).Token);
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signingIn.Dispose();
        }

        base.Dispose(disposing);
    }
}
