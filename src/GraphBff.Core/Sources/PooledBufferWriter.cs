using System.Buffers;

namespace GraphBff.Sources;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over <see cref="ArrayPool{T}"/> arrays, for upstream request bodies: what is
/// written is handed over with <see cref="Detach"/> (to a <see cref="PooledByteArrayContent"/>), not copied out.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer = [];
    private int _written;

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_written));
        _written += bytes.Length;
    }

    public void WriteNumber(int value)
    {
        Ensure(11);
        value.TryFormat(_buffer.AsSpan(_written), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _written += written;
    }

    /// <summary>Drops what was written after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)_written, nameof(length));
        _buffer.AsSpan(length, _written - length).Clear();
        _written = length;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Hands the written bytes over: the caller returns the array to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public byte[] Detach(out int length)
    {
        var buffer = _buffer;
        length = _written;
        _buffer = [];
        _written = 0;
        return buffer;
    }

    /// <summary>Drops what was written (after a failure), returning the array.</summary>
    public void Reset()
    {
        var buffer = Detach(out var length);
        if (buffer.Length > 0)
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length - _written)
        {
            return;
        }

        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_written + needed, Math.Max(_buffer.Length * 2, 512)));
        _buffer.AsSpan(0, _written).CopyTo(next);
        var old = _buffer;
        _buffer = next;
        if (old.Length > 0)
        {
            old.AsSpan(0, _written).Clear();
            ArrayPool<byte>.Shared.Return(old);
        }
    }
}
