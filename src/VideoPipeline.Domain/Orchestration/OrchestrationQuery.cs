namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// A filter over instances. Mirrors <c>Microsoft.DurableTask.Client.OrchestrationQuery</c> without task hubs
/// and continuation tokens: the listing is an async stream, paged underneath by <see cref="PageSize"/>.
/// </summary>
public sealed record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false)
{
    public const int DefaultPageSize = 100;
}
