namespace VideoPipeline.Scoring.Faces;

/// <summary>
/// Turns BlazeFace's raw outputs into faces: sigmoid scores, box offsets (in input pixels) relative
/// to each anchor's centre, a confidence threshold, then non-maximum suppression.
/// </summary>
public static class BlazeFaceDecoder
{
    /// <summary>Boxes overlapping a better one by more than this are the same face.</summary>
    public const double SuppressionOverlap = 0.3;

    /// <param name="scores">One raw logit per anchor (896).</param>
    /// <param name="boxes">16 values per anchor: x, y, w, h, then six key points (unused here).</param>
    public static List<FaceBox> Decode(ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes, double minConfidence)
    {
        var anchors = BlazeFaceAnchors.Centres;
        if (scores.Length != anchors.Count || boxes.Length != anchors.Count * 16)
        {
            throw new ArgumentException($"expected {anchors.Count} scores and {anchors.Count * 16} box values; got {scores.Length} and {boxes.Length}");
        }

        const double scale = 1.0 / BlazeFaceAnchors.InputSize;
        var found = new List<FaceBox>();
        for (var i = 0; i < anchors.Count; i++)
        {
            // The reference implementation clips logits to ±100 before the sigmoid.
            var score = 1 / (1 + Math.Exp(-Math.Clamp(scores[i], -100, 100)));
            if (score < minConfidence)
            {
                continue;
            }

            var b = boxes.Slice(i * 16, 4);
            found.Add(new FaceBox(anchors[i].X + (b[0] * scale), anchors[i].Y + (b[1] * scale), b[2] * scale, b[3] * scale, score));
        }

        return Suppress(found);
    }

    /// <summary>Greedy non-maximum suppression, best score first; ties keep the earlier box.</summary>
    public static List<FaceBox> Suppress(IEnumerable<FaceBox> boxes)
    {
        var kept = new List<FaceBox>();
        foreach (var box in boxes.OrderByDescending(b => b.Score))
        {
            if (kept.All(k => k.IntersectionOverUnion(box) <= SuppressionOverlap))
            {
                kept.Add(box);
            }
        }

        return kept;
    }
}
