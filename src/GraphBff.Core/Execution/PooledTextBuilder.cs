using System.Buffers;

namespace GraphBff.Execution;

/// <summary>
/// Text built in one <see cref="ArrayPool{T}"/> buffer (upstream URLs, REST bodies, composite keys): no StringBuilder chunks and
/// no intermediate strings. A mutable struct: pass it by <c>ref</c>, and <see cref="Dispose"/> it in a <c>finally</c>
/// (a <c>using</c> variable would be a readonly copy).
/// </summary>
internal ref struct PooledTextBuilder
{
    private char[] _buffer;
    private int _length;

    public PooledTextBuilder(int capacity)
    {
        _buffer = ArrayPool<char>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public void Append(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > _buffer.Length - _length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Appends <paramref name="value"/> escaped as <see cref="Uri.EscapeDataString(string)"/> escapes it.</summary>
    public void AppendEscapedDataString(scoped ReadOnlySpan<char> value)
    {
        int written;
        while (!Uri.TryEscapeDataString(value, _buffer.AsSpan(_length), out written))
        {
            // Worst case: every char is a 3-byte UTF-8 sequence, each byte written as %XX.
            Grow(value.Length * 9);
        }

        _length += written;
    }

    public void Clear() => _length = 0;

    public override readonly string ToString() => new(_buffer, 0, _length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Grow(int additional)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer.AsSpan(0, _length).CopyTo(next);
        var old = _buffer;
        _buffer = next;
        if (old.Length > 0)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
