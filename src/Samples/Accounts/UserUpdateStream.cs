namespace GraphBff.Samples.Accounts;

/// <summary>
/// Source stream of <c>userUpdated</c>: each subscriber gets its own cycle through all users,
/// starting with user "1" right away and then one user every <see cref="Interval"/>.
/// </summary>
internal sealed class UserUpdateStream : IObservable<User>
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public IDisposable Subscribe(IObserver<User> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = new Subscription();
        _ = subscription.RunAsync(observer);
        return subscription;
    }

    private sealed class Subscription : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public async Task RunAsync(IObserver<User> observer)
        {
            var token = _stop.Token;
            try
            {
                using var timer = new PeriodicTimer(Interval);
                var users = UserStore.All;
                var index = 0;
                do
                {
                    observer.OnNext(users[index]);
                    index = (index + 1) % users.Count;
                }
                while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Unsubscribed.
            }
            catch (Exception exception) when (!token.IsCancellationRequested)
            {
                observer.OnError(exception);
            }
        }

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
            }
        }
    }
}
