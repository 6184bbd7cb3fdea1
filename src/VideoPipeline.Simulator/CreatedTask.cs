namespace VideoPipeline.Simulator;

/// <summary>
/// A task the simulator accepted (one a real provider would bill), with what tells one candidate's submit from
/// another's: the model, the prompt and seed it was asked for, and the client's own id where the API takes one
/// (Kling's <c>external_task_id</c>). Two tasks with the same of these are one candidate submitted twice.
/// </summary>
public sealed record CreatedTask(string ProviderId, string TaskId, string Model, string Prompt, long Seed, string? ExternalId, DateTimeOffset CreatedAt);
