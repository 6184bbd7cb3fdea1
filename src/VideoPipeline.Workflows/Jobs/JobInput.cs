using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Workflows.Jobs;

public sealed record JobInput(string JobId, JobSpec Spec);
