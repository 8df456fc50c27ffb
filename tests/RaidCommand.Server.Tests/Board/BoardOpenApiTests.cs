using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Board;

public sealed class BoardOpenApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Theory]
    [InlineData("ListOperations")]
    [InlineData("GetOperationBoard")]
    [InlineData("BreachSite")]
    [InlineData("SecureSite")]
    [InlineData("DismantleSite")]
    [InlineData("LogArrest")]
    [InlineData("LogSeizure")]
    [InlineData("FreezeAsset")]
    [InlineData("IssueStopPayment")]
    public async Task The_endpoint_is_described_in_the_openapi_document(string operationId)
    {
        var client = factory.CreateApiClient().Http;

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains($"\"operationId\": \"{operationId}\"", document, StringComparison.Ordinal);
    }
}
