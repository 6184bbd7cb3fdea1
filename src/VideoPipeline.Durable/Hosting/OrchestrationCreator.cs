using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace VideoPipeline.Durable.Hosting;

/// <summary>A fresh orchestrator object per episode, wrapped by the SDK's shim so it replays exactly as in the Functions worker.</summary>
internal sealed class OrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type _type;
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;

    public OrchestrationCreator(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        _type = type;
        _services = services;
        _shims = shims;
    }

    public override TaskOrchestration Create() =>
        _shims.CreateOrchestration(new TaskName(Name), (ITaskOrchestrator)ActivatorUtilities.CreateInstance(_services, _type));
}
