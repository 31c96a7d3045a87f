using Microsoft.AspNetCore.Builder;

namespace GraphBff.Host;

/// <summary>The gateway app and the demo upstreams it started, stopped together.</summary>
public sealed class DemoAwareApp(WebApplication app, IReadOnlyList<WebApplication> demos) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public IReadOnlyList<WebApplication> Demos { get; } = demos;

    public ICollection<string> Urls => App.Urls;

    public ILogger Logger => App.Logger;

    public Task StartAsync() => App.StartAsync();

    public Task WaitForShutdownAsync() => App.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        foreach (var demo in Demos)
        {
            await demo.DisposeAsync().ConfigureAwait(false);
        }
    }
}
