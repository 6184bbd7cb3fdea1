namespace VideoPipeline.Workflows.Jobs;

public static class JobStages
{
    public const string Planning = "planning";
    public const string Generating = "generating";
    public const string Finishing = "finishing";
    public const string Done = "done";
    public const string Refused = "refused";
}
