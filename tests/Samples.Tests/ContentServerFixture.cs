using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Builder;

namespace GraphBff.Samples.Tests;

/// <summary>One real Kestrel instance of the content upstream on a free 127.0.0.1 port, shared by a test class.</summary>
public sealed class ContentServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = ContentApp.Build("http://127.0.0.1:0");
        await _app.StartAsync();
        BaseAddress = ContentApp.GetBaseAddress(_app);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
