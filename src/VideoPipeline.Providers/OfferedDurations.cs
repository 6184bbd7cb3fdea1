namespace VideoPipeline.Providers;

/// <summary>
/// The one duration rule for providers that make a fixed set of lengths (Veo 4/6/8 s, Kling 5/10 s, Sora 4/8/12 s):
/// the shortest offered length at least as long as asked (the pipeline trims the clip to the brief), or none when
/// even the longest is too short, and the adapter refuses the request with the reason.
/// </summary>
internal static class OfferedDurations
{
    public static int? ShortestAtLeast(int asked, IReadOnlyList<int> offered)
    {
        foreach (var seconds in offered.Order())
        {
            if (seconds >= asked)
            {
                return seconds;
            }
        }

        return null;
    }
}
