namespace VideoPipeline.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that is not the caller's input (I/O, a provider, a bug).</summary>
    public const int Failure = 1;

    /// <summary>The input (a brief, a flag, a file path) is wrong; the output says what and where.</summary>
    public const int InvalidInput = 2;
}
