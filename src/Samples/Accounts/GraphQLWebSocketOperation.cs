namespace GraphBff.Samples.Accounts;

/// <summary>
/// One running operation (subscribe id) of a graphql-transport-ws connection. Thread-safe: the source
/// stream subscription may be attached after the operation was already stopped, in which case it is disposed at once.
/// </summary>
internal sealed class GraphQLWebSocketOperation(string id)
{
    // Never linked to another token and without a timer, so it needs no disposal.
    private readonly CancellationTokenSource _cancellation = new();
    private IDisposable? _subscription;
    private int _stopped;

    public string Id { get; } = id;

    /// <summary>Canceled when the operation is stopped (client complete, connection closing).</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>True once stopped; nothing may be sent for a stopped operation any more.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped) == 1;

    public void Attach(IDisposable subscription)
    {
        Interlocked.Exchange(ref _subscription, subscription)?.Dispose();
        if (IsStopped)
        {
            Interlocked.Exchange(ref _subscription, null)?.Dispose();
        }
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _cancellation.Cancel();
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
    }
}
