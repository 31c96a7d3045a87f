using System.Buffers;
using System.Net;

namespace GraphBff.Sources;

/// <summary>
/// A request body in an <see cref="ArrayPool{T}"/> array, sent like <see cref="ByteArrayContent"/> (same bytes, same
/// <c>Content-Length</c>). The array goes back to the pool once the content is disposed and no copy to a stream is
/// still running, so a handler that reads the body late never reads an array another request already reuses.
/// </summary>
internal sealed class PooledByteArrayContent : HttpContent
{
    private readonly int _length;
    private byte[]? _buffer;

    // One for the content until it is disposed, plus one per copy in progress.
    private int _users = 1;
    private int _disposed;

    public PooledByteArrayContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Acquire();
        try
        {
            stream.Write(buffer, 0, _length);
        }
        finally
        {
            Release();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Acquire();
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private byte[] Acquire()
    {
        int users;
        do
        {
            users = Volatile.Read(ref _users);
            ObjectDisposedException.ThrowIf(users == 0, this);
        }
        while (Interlocked.CompareExchange(ref _users, users + 1, users) != users);

        return _buffer!;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0 && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            // Bodies carry the client's variables: cleared, like JsonDocument clears its pooled bytes.
            buffer.AsSpan(0, _length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
