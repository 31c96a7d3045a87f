using GraphBff.Host;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The demo upstreams and the gateway host, each on real Kestrel at 127.0.0.1 on a free port, with every upstream call
/// recorded. <see cref="AccountsDown"/> points the accounts source at a port nobody listens on.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _accounts;
    private WebApplication? _content;
    private DemoAwareApp? _gateway;

    protected virtual bool AccountsDown => false;

    /// <summary>More command-line configuration for the gateway host (started before it).</summary>
    protected virtual Task<IEnumerable<string>> ExtraArgumentsAsync() => Task.FromResult(Enumerable.Empty<string>());

    /// <summary>More services for the gateway host (e.g. C# authorization policies).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public RecordingHandlerFactory Recorder { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Uri GatewayUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _content = ContentApp.Build("http://127.0.0.1:0");
        await _content.StartAsync();
        string accountsUrl;
        if (AccountsDown)
        {
            accountsUrl = "http://127.0.0.1:9/graphql";
        }
        else
        {
            _accounts = AccountsApp.Build("http://127.0.0.1:0");
            await _accounts.StartAsync();
            accountsUrl = new Uri(AccountsApp.GetBaseAddress(_accounts), "/graphql").ToString();
        }

        _gateway = await Program.BuildAsync(
            [
                "--urls=http://127.0.0.1:0",
                "--GraphBff:Sources:accounts:Kind=GraphQL",
                "--GraphBff:Sources:accounts:Url=" + accountsUrl,
                "--GraphBff:Sources:accounts:Timeout=00:00:02",
                "--GraphBff:Sources:content:Kind=Rest",
                "--GraphBff:Sources:content:Url=" + ContentApp.GetBaseAddress(_content),
                "--Logging:LogLevel:Default=Warning",
                .. await ExtraArgumentsAsync(),
            ],
            builder =>
            {
                builder.Services.AddSingleton<GraphBffHandlerFactory>(Recorder);
                Configure(builder);
            });
        await _gateway.StartAsync();
        var address = _gateway.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GatewayUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/graphql");
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_accounts is not null)
        {
            await _accounts.DisposeAsync();
        }

        if (_content is not null)
        {
            await _content.DisposeAsync();
        }
    }
}
