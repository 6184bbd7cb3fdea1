namespace VideoPipeline.Scoring.Analysis;

/// <summary>The part of the frame inside black bars, in pixels of the analysed frames.</summary>
internal readonly record struct ActiveRect(int Left, int Top, int Width, int Height)
{
    /// <summary>How a viewer would name the bars: letterboxed (top and bottom), pillarboxed (sides), windowboxed (both); null for the full frame.</summary>
    public string? Shape(int frameWidth, int frameHeight)
    {
        // A bar of under 2 % (an encoder's dark edge line) is not worth naming.
        var rows = Height < frameHeight * 0.98;
        var columns = Width < frameWidth * 0.98;
        return (rows, columns) switch
        {
            (true, true) => "windowboxed",
            (true, false) => "letterboxed",
            (false, true) => "pillarboxed",
            _ => null,
        };
    }
}
