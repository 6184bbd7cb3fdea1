using System.Text.Json;
using Microsoft.DurableTask;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Workflows.Jobs;

public sealed class WriteManifestActivity(IClipStore clips) : TaskActivity<JobManifest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, JobManifest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = JsonSerializer.SerializeToUtf8Bytes(input, WorkflowJsonContext.Default.JobManifest);
        await clips.WriteManifestAsync(input.JobId, json, CancellationToken.None);
        return BlobNames.Manifest(input.JobId);
    }
}
