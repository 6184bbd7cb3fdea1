namespace VideoPipeline.Media;

/// <summary>What a finished child process left: exit code and its captured output (stderr capped, see <see cref="ProcessRunner"/>).</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}
