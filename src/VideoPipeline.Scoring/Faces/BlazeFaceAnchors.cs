namespace VideoPipeline.Scoring.Faces;

/// <summary>
/// The SSD anchors of MediaPipe's 128×128 front BlazeFace: a 16×16 grid at stride 8 with 2 anchors
/// per cell, then an 8×8 grid at stride 16 with 6 per cell — 512 + 384 = 896, in the order the model
/// emits them (row by row, anchors of a cell together). Anchors have a fixed size of 1, so only
/// their centres matter.
/// </summary>
public static class BlazeFaceAnchors
{
    public const int InputSize = 128;

    public static IReadOnlyList<(int Stride, int AnchorsPerCell)> Layers { get; } = [(8, 2), (16, 6)];

    /// <summary>Anchor centres (x, y) normalised to the input, 896 for the front model.</summary>
    public static IReadOnlyList<(double X, double Y)> Centres { get; } = Build();

    private static List<(double X, double Y)> Build()
    {
        var centres = new List<(double, double)>();
        foreach (var (stride, perCell) in Layers)
        {
            var cells = InputSize / stride;
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var a = 0; a < perCell; a++)
                    {
                        centres.Add(((x + 0.5) / cells, (y + 0.5) / cells));
                    }
                }
            }
        }

        return centres;
    }
}
