using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Workflows.Hosting;

namespace VideoPipeline.Workflows.Candidates;

/// <summary>
/// Submits a candidate once. The callback token is registered before the provider is called, so no callback can beat
/// the registry; the task id is recorded as soon as it is known. Activities run at least once, so registering the token
/// is the claim: only the run that inserted it posts. A later run adopts the task the earlier one recorded; when none
/// was recorded (the process died between the provider's answer and the record), the earlier attempt may still have
/// created a task: an adapter that finds earlier submits by correlation id (Kling) is asked again and adopts it; any
/// other reports "in doubt" and the shot re-routes the slot. It never posts blindly again.
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
        var provider = providers.Get(route.ProviderId);
        if (!await registry.RegisterTokenAsync(input.CallbackToken, input.InstanceId, CancellationToken.None))
        {
            if (await registry.FindByTokenAsync(input.CallbackToken, CancellationToken.None) is { } recorded && recorded.InstanceId == input.InstanceId)
            {
                return SubmissionResult.Ok(recorded.TaskId, reconciled: true);
            }

            if (!provider.FindsEarlierSubmits)
            {
                return SubmissionResult.Failed(ProviderFailures.InDoubt(
                    $"an earlier attempt of this submit to {route.ProviderId} ended before its answer was recorded; it is not posted again"));
            }

            // The adapter looks the correlation id up before it posts, so an earlier attempt's task is adopted, not paid twice.
        }

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
        var result = await provider.SubmitAsync(request, CancellationToken.None);
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
