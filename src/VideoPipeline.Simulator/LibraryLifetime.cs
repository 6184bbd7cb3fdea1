using Microsoft.Extensions.Hosting;

namespace VideoPipeline.Simulator;

/// <summary>
/// The simulator's host lifetime: it starts and stops when its owner says so and never listens for process
/// signals. ASP.NET Core's default console lifetime takes SIGINT and SIGTERM for itself (it cancels them and stops
/// only the web host), which left <c>videopipeline simulate</c> running after Ctrl+C and SIGTERM.
/// </summary>
internal sealed class LibraryLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
