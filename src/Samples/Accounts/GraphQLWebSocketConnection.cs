using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// Server side of the graphql-transport-ws protocol for one WebSocket: connection_init/ack, ping/pong,
/// subscribe → next… + complete (or error), client complete, and the protocol's 44xx close codes.
/// </summary>
/// <remarks>
/// All frames are written by a single writer loop fed through a channel, so data events raised on any
/// thread never send concurrently and a close frame is always the last thing written.
/// </remarks>
internal sealed class GraphQLWebSocketConnection
{
    public const string SubProtocol = "graphql-transport-ws";

    private const int MaxMessageBytes = 1024 * 1024;

    private static readonly byte[] ConnectionAckMessage = """{"type":"connection_ack"}"""u8.ToArray();
    private static readonly byte[] PongMessage = """{"type":"pong"}"""u8.ToArray();

    private readonly WebSocket _socket;
    private readonly AccountsExecutor _executor;
    private readonly AccountsJsonSerializer _serializer;
    private readonly string? _userId;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, GraphQLWebSocketOperation> _operations = new(StringComparer.Ordinal);

    // Canceled when the connection ends; bounds the wait for the peer's close frame once we started closing.
    private readonly CancellationTokenSource _receiveCancellation = new();
    private int _initReceived;
    private int _closing;

    private GraphQLWebSocketConnection(WebSocket socket, AccountsExecutor executor, AccountsJsonSerializer serializer, string? userId)
    {
        _socket = socket;
        _executor = executor;
        _serializer = serializer;
        _userId = userId;
    }

    /// <summary>How long a client may take to send connection_init before the socket is closed with 4408.</summary>
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the peer's close frame after sending ours.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    // RFC 6455 limits the close reason to 123 UTF-8 bytes.
    private const int MaxCloseReasonBytes = 123;

    public static async Task AcceptAsync(
        HttpContext context,
        AccountsExecutor executor,
        AccountsJsonSerializer serializer,
        string? userId,
        CancellationToken applicationStopping)
    {
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var offersProtocol = requested.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offersProtocol ? SubProtocol : null).ConfigureAwait(false);
        var connection = new GraphQLWebSocketConnection(socket, executor, serializer, userId);
        if (requested.Count > 0 && !offersProtocol)
        {
            connection.Close((WebSocketCloseStatus)4406, "Subprotocol not acceptable");
        }

        await connection.RunAsync(applicationStopping).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken applicationStopping)
    {
        var writer = WriteLoopAsync();
        using var stopping = applicationStopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"));
        var initTimeout = CloseIfNotInitializedAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer went away or did not finish the close handshake in time.
        }
        finally
        {
            StopAllOperations();
            _outgoing.Writer.TryComplete();
            try
            {
                await writer.WaitAsync(CloseHandshakeTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _socket.Abort();
            }

            _receiveCancellation.Cancel();
            await initTimeout.ConfigureAwait(false);
            _receiveCancellation.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length >= MaxMessageBytes)
                        {
                            Close(WebSocketCloseStatus.MessageTooBig, "Message too big");
                            return;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    received = await _socket.ReceiveAsync(buffer.AsMemory(count), _receiveCancellation.Token).ConfigureAwait(false);
                    count += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the peer's close (no-op when we initiated it) and stop reading.
                    Close(WebSocketCloseStatus.NormalClosure, null);
                    return;
                }

                if (Volatile.Read(ref _closing) == 1)
                {
                    continue; // Waiting for the peer's close frame; ignore everything else.
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    Close((WebSocketCloseStatus)4400, "Binary messages are not supported");
                    continue;
                }

                HandleMessage(buffer.AsMemory(0, count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void HandleMessage(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received");
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                Close((WebSocketCloseStatus)4400, "Invalid message received");
                return;
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    if (Interlocked.Exchange(ref _initReceived, 1) == 1)
                    {
                        Close((WebSocketCloseStatus)4429, "Too many initialisation requests");
                        return;
                    }

                    Send(ConnectionAckMessage, operation: null);
                    return;
                case "ping":
                    Send(PongMessage, operation: null);
                    return;
                case "pong":
                    return;
                case "subscribe":
                    HandleSubscribe(message);
                    return;
                case "complete":
                    if (!TryGetId(message, out var completedId))
                    {
                        Close((WebSocketCloseStatus)4400, "Invalid message received");
                        return;
                    }

                    if (_operations.TryRemove(completedId, out var completed))
                    {
                        completed.Stop();
                    }

                    return;
                default:
                    Close((WebSocketCloseStatus)4400, "Invalid message received");
                    return;
            }
        }
    }

    private void HandleSubscribe(JsonElement message)
    {
        if (Volatile.Read(ref _initReceived) == 0)
        {
            Close((WebSocketCloseStatus)4401, "Unauthorized");
            return;
        }

        GraphQLRequest? request = null;
        if (TryGetId(message, out var id)
            && message.TryGetProperty("payload", out var payload)
            && payload.ValueKind == JsonValueKind.Object)
        {
            try
            {
                request = _serializer.Deserialize<GraphQLRequest>(payload);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                request = null;
            }
        }

        if (request?.Query is null)
        {
            Close((WebSocketCloseStatus)4400, "Invalid message received");
            return;
        }

        var operation = new GraphQLWebSocketOperation(id);
        if (!_operations.TryAdd(id, operation))
        {
            Close((WebSocketCloseStatus)4409, $"Subscriber for {id} already exists");
            return;
        }

        _ = ExecuteAsync(operation, request);
    }

    private async Task ExecuteAsync(GraphQLWebSocketOperation operation, GraphQLRequest request)
    {
        try
        {
            var result = await _executor.ExecuteAsync(request, _userId, operation.Token).ConfigureAwait(false);
            if (operation.IsStopped)
            {
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                // graphql validation guarantees a single root field for subscriptions.
                operation.Attach(streams.Values.First().Subscribe(new StreamObserver(this, operation)));
                return;
            }

            if (!result.Executed)
            {
                // Parse/validation/variable errors: the operation never ran.
                Fail(operation, result.Errors ?? [new ExecutionError("The operation could not be executed.")]);
                return;
            }

            Send(_serializer.SerializeToUtf8Bytes(new OperationMessage { Id = operation.Id, Type = "next", Payload = result }), operation);
            Complete(operation);
        }
        catch (OperationCanceledException) when (operation.IsStopped)
        {
            // Completed by the client or the connection closed while executing.
        }
        catch (Exception)
        {
            Fail(operation, [new ExecutionError("Internal server error.")]);
        }
    }

    private void Complete(GraphQLWebSocketOperation operation)
    {
        // Free the id before the client can see "complete", so it may reuse the id right away.
        if (_operations.TryRemove(new KeyValuePair<string, GraphQLWebSocketOperation>(operation.Id, operation)))
        {
            Send(_serializer.SerializeToUtf8Bytes(new OperationMessage { Id = operation.Id, Type = "complete" }), operation);
        }
    }

    private void Fail(GraphQLWebSocketOperation operation, ExecutionErrors errors)
    {
        if (_operations.TryRemove(new KeyValuePair<string, GraphQLWebSocketOperation>(operation.Id, operation)))
        {
            Send(_serializer.SerializeToUtf8Bytes(new OperationMessage { Id = operation.Id, Type = "error", Payload = errors }), operation);
        }
    }

    private static bool TryGetId(JsonElement message, out string id)
    {
        id = message.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()!
            : string.Empty;
        return id.Length > 0;
    }

    private void Send(byte[] message, GraphQLWebSocketOperation? operation) =>
        _outgoing.Writer.TryWrite(new Outgoing(message, operation, default, null));

    /// <summary>Starts the closing handshake (once); later calls are ignored.</summary>
    private void Close(WebSocketCloseStatus status, string? reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        StopAllOperations();
        _outgoing.Writer.TryWrite(new Outgoing(null, null, status, TruncateCloseReason(reason)));
        _outgoing.Writer.TryComplete();
        try
        {
            _receiveCancellation.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // Connection already finished.
        }
    }

    private static string? TruncateCloseReason(string? reason)
    {
        if (reason is null || Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, MaxCloseReasonBytes);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes)
        {
            length--;
        }

        return reason[..length];
    }

    private async Task CloseIfNotInitializedAsync()
    {
        try
        {
            await Task.Delay(InitTimeout, _receiveCancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            Close((WebSocketCloseStatus)4408, "Connection initialisation timeout");
        }
    }

    private void StopAllOperations()
    {
        foreach (var id in _operations.Keys)
        {
            if (_operations.TryRemove(id, out var operation))
            {
                operation.Stop();
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (item.Message is null)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(item.CloseStatus, item.CloseReason, CancellationToken.None).ConfigureAwait(false);
                    }

                    return;
                }

                if (item.Operation is { IsStopped: true })
                {
                    continue;
                }

                await _socket.SendAsync(item.Message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The peer is gone (or the frame could not be written); make the read loop notice.
            Interlocked.Exchange(ref _closing, 1);
            _socket.Abort();
        }
    }

    private readonly record struct Outgoing(
        byte[]? Message,
        GraphQLWebSocketOperation? Operation,
        WebSocketCloseStatus CloseStatus,
        string? CloseReason);

    /// <summary>Turns the subscription's execution results into next / error / complete messages.</summary>
    private sealed class StreamObserver(GraphQLWebSocketConnection connection, GraphQLWebSocketOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!operation.IsStopped)
            {
                connection.Send(
                    connection._serializer.SerializeToUtf8Bytes(new OperationMessage { Id = operation.Id, Type = "next", Payload = value }),
                    operation);
            }
        }

        public void OnError(Exception error) =>
            connection.Fail(operation, [new ExecutionError("The subscription source failed.", error)]);

        public void OnCompleted() => connection.Complete(operation);
    }
}
