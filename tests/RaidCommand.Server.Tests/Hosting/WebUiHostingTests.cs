using System.Net;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

/// <summary>The UI's own routes get its page; everything else that is not a file stays with the endpoints.</summary>
public sealed class WebUiHostingTests(WebUiHostingTests.FactoryWithPage factory) : IClassFixture<WebUiHostingTests.FactoryWithPage>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/field")]
    [InlineData("/field/sites")]
    [InlineData("/audit")]
    public async Task A_page_of_the_app_gets_its_index_page(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(FactoryWithPage.Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_the_build_is_served_as_it_is()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/assets/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app');", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/fieldwork")]
    public async Task Any_other_path_is_a_404_problem_not_the_page(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The server with a stand-in build of the UI, so these tests do not depend on npm having run.</summary>
    public sealed class FactoryWithPage : RaidCommandApiFactory
    {
        public const string Marker = "<!-- stand-in web ui -->";

        private readonly string root = Directory.CreateTempSubdirectory("raidcommand-webui-").FullName;

        public FactoryWithPage()
        {
            File.WriteAllText(Path.Combine(root, "index.html"), $"<!doctype html><html><body>{Marker}</body></html>");
            Directory.CreateDirectory(Path.Combine(root, "assets"));
            File.WriteAllText(Path.Combine(root, "assets", "app.js"), "console.log('app');");
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(WebUiHosting.RootKey, root);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
