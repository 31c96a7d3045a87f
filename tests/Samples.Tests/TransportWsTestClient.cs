using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace GraphBff.Samples.Tests;

/// <summary>A thin graphql-transport-ws client over a real <see cref="ClientWebSocket"/>.</summary>
internal sealed class TransportWsTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket;

    private TransportWsTestClient(ClientWebSocket socket) => _socket = socket;

    public string? NegotiatedSubProtocol => _socket.SubProtocol;

    public static async Task<TransportWsTestClient> ConnectAsync(Uri baseAddress, string? userId = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        if (userId is not null)
        {
            socket.Options.SetRequestHeader("x-user-id", userId);
        }

        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/graphql"), timeout.Token);
        return new TransportWsTestClient(socket);
    }

    public Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task InitAsync()
    {
        await SendAsync(new { type = "connection_init" });
        var ack = await ReceiveMessageAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    /// <summary>The next text message; fails when the server closes instead.</summary>
    public async Task<JsonElement> ReceiveMessageAsync()
    {
        var frame = await ReceiveAsync();
        Assert.True(frame.Message.HasValue, $"Expected a message but the socket was closed with {frame.CloseStatus} '{frame.CloseDescription}'.");
        return frame.Message.Value;
    }

    /// <summary>Waits for the server's close frame (skipping nothing) and returns its status code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        var frame = await ReceiveAsync();
        Assert.False(frame.Message.HasValue, $"Expected a close frame but got {frame.Message}.");
        return (int)frame.CloseStatus!.Value;
    }

    public async Task<Frame> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return new Frame(null, result.CloseStatus, result.CloseStatusDescription);
        }

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
        return new Frame(document.RootElement.Clone(), null, null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Best effort.
        }
        finally
        {
            _socket.Dispose();
        }
    }

    public readonly record struct Frame(JsonElement? Message, WebSocketCloseStatus? CloseStatus, string? CloseDescription);
}
