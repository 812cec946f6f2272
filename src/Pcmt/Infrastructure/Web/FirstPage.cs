namespace Pcmt.Infrastructure.Web;

/// <summary>
/// When the node has sent its first answer. Background work that no first page needs (the daily legal review's start-up pass,
/// the job queues' first poll, the demo dataset) waits for it, so that on two cores it does not compete with the first page of
/// a first start (docs/performance.md). A node nobody asks (a headless node behind a balancer not yet switched to it) starts
/// that work anyway <see cref="NoVisitor"/> after it started listening. Since the server listens before the database is
/// prepared (the login page is served without it, <see cref="DatabaseReadiness"/>), the wait also ends no sooner than the
/// database preparation, so no job opens the database before it is ready.
/// </summary>
public sealed class FirstPage(IHostApplicationLifetime lifetime, DatabaseInitializer database)
{
    public static readonly TimeSpan NoVisitor = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Served => _served.Task.IsCompleted;

    public void MarkServed() => _served.TrySetResult();

    /// <summary>Returns once the first answer has been sent (or <see cref="NoVisitor"/> after the server started) and the database is ready; throws when the node stops first or the preparation failed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(cancellationToken);
        await Task.WhenAny(_served.Task, Task.Delay(NoVisitor, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        await database.Ready.WaitAsync(cancellationToken);
    }
}

/// <summary>Marks <see cref="FirstPage"/> once the first answer has been completely sent; a flag test on every later request.</summary>
public sealed class FirstPageMiddleware(RequestDelegate next, FirstPage firstPage)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!firstPage.Served)
        {
            context.Response.OnCompleted(() =>
            {
                firstPage.MarkServed();
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
