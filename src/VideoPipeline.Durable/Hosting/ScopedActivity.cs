using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace VideoPipeline.Durable.Hosting;

/// <summary>
/// Runs one activity invocation in its own DI scope, so an activity gets scoped services (clients, units of work) the way
/// a Functions invocation does, and they are disposed when it ends.
/// </summary>
internal sealed class ScopedActivity(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims) : TaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("activities run asynchronously");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        await using var scope = services.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        return await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input).ConfigureAwait(false);
    }
}
