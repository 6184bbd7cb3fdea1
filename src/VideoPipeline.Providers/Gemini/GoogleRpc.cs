namespace VideoPipeline.Providers.Gemini;

/// <summary>
/// google.rpc.Code as Google APIs report it (cloud.google.com/apis/design/errors, googleapis google/rpc/code.proto):
/// which failures may pass on a new try.
/// </summary>
internal static class GoogleRpc
{
    /// <summary>DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, ABORTED 10, INTERNAL 13, UNAVAILABLE 14.</summary>
    public static bool IsRetryable(int code) => code is 4 or 8 or 10 or 13 or 14;

    /// <summary>The same codes by name (as in <c>error.status</c> or an error-type URI's last segment).</summary>
    public static bool IsRetryable(string name) =>
        name is "DEADLINE_EXCEEDED" or "RESOURCE_EXHAUSTED" or "ABORTED" or "INTERNAL" or "UNAVAILABLE";
}
