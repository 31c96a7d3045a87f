namespace GraphBff.Composition;

/// <summary>A stream that ends at once: GraphQL.NET's schema needs a stream resolver on subscription fields.</summary>
internal sealed class EmptyStream : IObservable<object?>, IDisposable
{
    public static readonly EmptyStream Instance = new();

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        observer.OnCompleted();
        return this;
    }

    public void Dispose()
    {
    }
}
