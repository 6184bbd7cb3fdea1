using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VideoPipeline.Scoring.Prompt;

/// <summary>
/// CLIP's byte-level BPE: lower-cased text split into words, each word's UTF-8 bytes mapped to
/// printable characters, the last one marked <c>&lt;/w&gt;</c>, pairs merged by rank from
/// <c>merges.txt</c>, pieces looked up in <c>vocab.json</c>; wrapped in start and end tokens and
/// padded with 0 to the context length. (OpenAI's version also repairs mojibake with ftfy; prompts
/// here are typed text, so that step is left out.)
/// </summary>
public sealed partial class ClipTokenizer
{
    private const string StartToken = "<|startoftext|>";
    private const string EndToken = "<|endoftext|>";
    private const string EndOfWord = "</w>";

    private static readonly string[] ByteToChar = BuildByteMap();

    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<(string, string), int> _ranks;

    public ClipTokenizer(Dictionary<string, int> vocab, IEnumerable<string> mergeLines)
    {
        _vocab = vocab;
        _ranks = [];
        foreach (var line in mergeLines)
        {
            if (line.StartsWith("#version", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(' ');
            if (parts.Length == 2)
            {
                _ranks.TryAdd((parts[0], parts[1]), _ranks.Count);
            }
        }

        foreach (var special in new[] { StartToken, EndToken })
        {
            if (!_vocab.ContainsKey(special))
            {
                throw new InvalidDataException($"the tokenizer vocabulary has no {special}");
            }
        }
    }

    public static ClipTokenizer Load(string vocabPath, string mergesPath)
    {
        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabPath))
            ?? throw new InvalidDataException($"{vocabPath} is not a JSON object of token ids");
        return new ClipTokenizer(vocab, File.ReadLines(mergesPath));
    }

    /// <summary>Token ids, start and end included, padded with 0 (or cut, keeping the end token) to <paramref name="contextLength"/>.</summary>
    public long[] Encode(string text, int contextLength)
    {
        var ids = new List<long> { _vocab[StartToken] };
        var clean = Whitespace().Replace(text, " ").Trim().ToLowerInvariant();
        foreach (Match word in Words().Matches(clean))
        {
            var mapped = string.Concat(Encoding.UTF8.GetBytes(word.Value).Select(b => ByteToChar[b]));
            foreach (var piece in Merge(mapped))
            {
                if (_vocab.TryGetValue(piece, out var id))
                {
                    ids.Add(id);
                }
            }
        }

        var tokens = new long[contextLength];
        var count = Math.Min(ids.Count, contextLength - 1);
        ids.CopyTo(0, tokens, 0, count);
        tokens[count] = _vocab[EndToken];
        return tokens;
    }

    private List<string> Merge(string word)
    {
        var pieces = word.Select(c => c.ToString()).ToList();
        pieces[^1] += EndOfWord;
        while (pieces.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i < pieces.Count - 1; i++)
            {
                if (_ranks.TryGetValue((pieces[i], pieces[i + 1]), out var rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }

            if (best < 0)
            {
                break;
            }

            var (left, right) = (pieces[best], pieces[best + 1]);
            var merged = new List<string>(pieces.Count);
            for (var i = 0; i < pieces.Count; i++)
            {
                if (i < pieces.Count - 1 && pieces[i] == left && pieces[i + 1] == right)
                {
                    merged.Add(left + right);
                    i++;
                }
                else
                {
                    merged.Add(pieces[i]);
                }
            }

            pieces = merged;
        }

        return pieces;
    }

    /// <summary>GPT-2's reversible byte → character map: printable bytes stand for themselves, the rest move above 255.</summary>
    private static string[] BuildByteMap()
    {
        var map = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
            map[b] = ((char)(printable ? b : next++)).ToString();
        }

        return map;
    }

    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase)]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
