namespace Scoring.Host.Caching;

/// <summary>
/// Creates the result cache when the host starts, so that its background Redis connection and subscription are made before
/// the first request rather than on it. Never waits for Redis.
/// </summary>
internal sealed class ResultCacheStarter(IResultCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Being constructed with the cache was the whole job: the container has created it, and it is connecting.
        GC.KeepAlive(cache);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
