namespace GraphBff.Execution;

/// <summary>
/// A small lock-free set of reusable objects, shared by all requests (the idea of ObjectPool's
/// <c>DefaultObjectPool</c>, without the package): a rent takes any parked item, a return parks it in a free slot
/// or drops it for the GC when every slot is taken.
/// </summary>
internal sealed class ReusePool<T>(int size)
    where T : class
{
    private readonly T?[] _items = new T?[size];

    /// <summary>Slots for what a few concurrent requests per core hold at once; a scan of them stays short.</summary>
    public static int DefaultSize { get; } = Math.Clamp(Environment.ProcessorCount * 8, 16, 128);

    public T? TryRent()
    {
        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            var item = Volatile.Read(ref items[i]);
            if (item is not null && ReferenceEquals(Interlocked.CompareExchange(ref items[i], null, item), item))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Parks <paramref name="item"/>; false when every slot is taken (the caller lets it go).</summary>
    public bool Return(T item)
    {
        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            if (Volatile.Read(ref items[i]) is null && Interlocked.CompareExchange(ref items[i], item, null) is null)
            {
                return true;
            }
        }

        return false;
    }
}
