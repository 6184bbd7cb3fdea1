using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine;

/// <summary>The engine's <see cref="TaskActivityContext"/>.</summary>
internal sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
