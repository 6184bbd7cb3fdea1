namespace VideoPipeline.Workflows.Shots;

public enum ShotState
{
    Generating,
    AwaitingReview,
    Succeeded,
    Failed,
}
