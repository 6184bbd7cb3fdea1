using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPipeline.Durable.Backend;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// DurableTask.Core's <see cref="TaskHubWorker"/> as a hosted service: the real dispatchers (lock renewal, abandon, retry)
/// running the registered workflow classes through the SDK's shims. A stop waits for running work items, up to
/// <see cref="DurableRuntimeOptions.StopTimeout"/>; what is cut short is redelivered on the next start.
/// </summary>
internal sealed partial class DurableWorkerService(
    OrchestrationBackend backend,
    DurableTaskTypeRegistry tasks,
    DurableTaskShimFactory shims,
    IServiceProvider services,
    IOptions<DurableRuntimeOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableWorkerService>();
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = await backend.GetServiceAsync(cancellationToken).ConfigureAwait(false);
        var orchestrations = new TaskObjectManager<TaskOrchestration>();
        foreach (var (name, type) in tasks.Orchestrators)
        {
            orchestrations.Add(new OrchestrationCreator(name, type, services, shims));
        }

        var activities = new TaskObjectManager<TaskActivity>();
        foreach (var (name, type) in tasks.Activities)
        {
            activities.Add(new ActivityCreator(name, type, services, shims));
        }

        _worker = new TaskHubWorker(service, orchestrations, activities, loggerFactory)
        {
            // The SDK's shims read and write FailureDetails; without this, failures lose their type and message.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        await _worker.StartAsync().ConfigureAwait(false);
        Log.Started(_logger, options.Value.TaskHubName, options.Value.WorkerId, tasks.Orchestrators.Count, tasks.Activities.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is null)
        {
            return;
        }

        var graceful = _worker.StopAsync(isForced: false);
        var limit = Task.Delay(options.Value.StopTimeout, cancellationToken);
        if (await Task.WhenAny(graceful, limit).ConfigureAwait(false) != graceful)
        {
            Log.ForcedStop(_logger, options.Value.StopTimeout);
            await _worker.StopAsync(isForced: true).ConfigureAwait(false);
        }

        _worker = null;
    }

    public ValueTask DisposeAsync()
    {
        _worker?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Durable worker started on task hub {TaskHub} as {WorkerId}: {Orchestrators} orchestrators, {Activities} activities")]
        public static partial void Started(ILogger logger, string taskHub, string workerId, int orchestrators, int activities);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Durable worker did not stop within {Timeout}: forcing the stop; unfinished work items will be redelivered")]
        public static partial void ForcedStop(ILogger logger, TimeSpan timeout);
    }
}
