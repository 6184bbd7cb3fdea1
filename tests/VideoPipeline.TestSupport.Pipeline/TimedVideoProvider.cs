using VideoPipeline.Domain.Providers;

namespace VideoPipeline.TestSupport.Pipeline;

/// <summary>Passes every call to the adapter and marks the submit and the first result request of each task on the timeline.</summary>
internal sealed class TimedVideoProvider(IVideoProvider inner, PipelineTimeline timeline) : IVideoProvider
{
    public string Id => inner.Id;

    public bool IsRetired => inner.IsRetired;

    public bool IsConfigured => inner.IsConfigured;

    public bool FindsEarlierSubmits => inner.FindsEarlierSubmits;

    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        timeline.Mark(PipelineTimeline.SubmitStarted, request.CorrelationId);
        var result = await inner.SubmitAsync(request, cancellationToken);
        if (result.TaskId is { } taskId)
        {
            timeline.MapTask(inner.Id, taskId, request.CorrelationId);
        }

        return result;
    }

    public Task<ProviderTaskStatus> GetStatusAsync(string taskId, CancellationToken cancellationToken) => inner.GetStatusAsync(taskId, cancellationToken);

    public Task<Stream> OpenResultAsync(string taskId, CancellationToken cancellationToken)
    {
        timeline.Mark(PipelineTimeline.ResultOpened, timeline.InstanceOf(inner.Id, taskId) ?? $"{inner.Id}/{taskId}");
        return inner.OpenResultAsync(taskId, cancellationToken);
    }

    public Task<CallbackVerification> VerifyCallbackAsync(ProviderCallback callback, CancellationToken cancellationToken) =>
        inner.VerifyCallbackAsync(callback, cancellationToken);

    public PriceEstimate EstimatePrice(SubmissionRequest request) => inner.EstimatePrice(request);
}
