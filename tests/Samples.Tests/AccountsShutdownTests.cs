using System.Diagnostics;
using System.Net.WebSockets;
using GraphBff.Samples.Accounts;

namespace GraphBff.Samples.Tests;

public sealed class AccountsShutdownTests
{
    [Fact]
    public async Task StopAsync_WithAnActiveSubscription_ClosesTheSocketWith1001AndStopsPromptly()
    {
        await using var app = AccountsApp.Build("http://127.0.0.1:0");
        await app.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(AccountsApp.GetBaseAddress(app));
        await client.InitAsync();
        await client.SendAsync(new { id = "s", type = "subscribe", payload = new { query = "subscription { userUpdated { id } }" } });
        Assert.Equal("next", (await client.ReceiveMessageAsync()).GetProperty("type").GetString());

        var stopwatch = Stopwatch.StartNew();
        var stopping = app.StopAsync();

        var frame = await client.ReceiveAsync();
        while (frame.Message is { } message)
        {
            Assert.Equal("next", message.GetProperty("type").GetString());
            frame = await client.ReceiveAsync();
        }

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, frame.CloseStatus);
        await client.DisposeAsync();
        await stopping;
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.5), $"StopAsync took {stopwatch.Elapsed}.");
    }
}
