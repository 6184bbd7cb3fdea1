using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Submits a candidate once. The callback token is registered before the provider is called, so no callback can beat
/// the registry; the task id is recorded as soon as it is known. Activities run at least once: a re-run that finds its
/// token already registered does not post again: the earlier attempt may have created a task, so it reports "in doubt"
/// and the shot re-routes the slot (a narrow window: the process died between the provider's answer and the activity's).
/// A "model not found / retired" answer is reported to the router, so no later job in this process is routed to it.
/// </summary>
public sealed class SubmitCandidateActivity(ITaskRegistry registry, ProviderDirectory providers, IModelRouter router, IOptions<PipelineOptions> options)
    : TaskActivity<CandidateSubmission, SubmissionResult>
{
    public override async Task<SubmissionResult> RunAsync(TaskActivityContext context, CandidateSubmission input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var candidate = input.Candidate;
        var route = candidate.Route;
        if (await registry.FindInstanceByTokenAsync(input.CallbackToken, CancellationToken.None) is not null)
        {
            return SubmissionResult.Failed(ProviderFailures.InDoubt(
                $"an earlier attempt of this submit to {route.ProviderId} ended before its answer was recorded; it is not posted again"));
        }

        await registry.RegisterTokenAsync(input.CallbackToken, input.InstanceId, CancellationToken.None);
        var request = new SubmissionRequest(
            CorrelationId: input.InstanceId,
            Prompt: candidate.Prompt,
            DurationSeconds: route.OutputSeconds,
            AspectRatio: candidate.AspectRatio,
            Resolution: candidate.Resolution,
            Seed: candidate.Seed,
            NegativePrompt: candidate.NegativePrompt,
            ReferenceImageUrl: candidate.ReferenceImageUrl,
            CallbackUrl: CallbackUrl(route.ProviderId, input.CallbackToken),
            Model: route.Model,
            Mode: route.Mode);
        var result = await providers.Get(route.ProviderId).SubmitAsync(request, CancellationToken.None);
        if (result.TaskId is { } taskId)
        {
            await registry.RecordTaskAsync(
                new TaskRegistration(route.ProviderId, taskId, input.InstanceId, candidate.JobId, candidate.ShotIndex, candidate.CandidateId, input.CallbackToken),
                CancellationToken.None);
        }
        else if (result.Failure is { } failure)
        {
            router.Report(route.ProviderId, route.Model, route.Mode, failure);
        }

        return result;
    }

    private Uri? CallbackUrl(string providerId, string token) =>
        options.Value.PublicBaseUrl is { } root ? new Uri(root, $"api/webhooks/{Uri.EscapeDataString(providerId)}/{token}") : null;
}
