namespace VideoPipeline.Workflows.Shots;

public enum ReviewAction
{
    Approve,
    Choose,
    Reject,
}
