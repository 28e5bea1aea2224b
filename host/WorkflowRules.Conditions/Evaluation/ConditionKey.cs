namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Cache key: the condition's full text (ordinal) and the record type it is compiled against. Looking it up
/// hashes the text in place, so evaluating allocates nothing; the SHA-256 is computed once, at compile time.
/// </summary>
internal readonly record struct ConditionKey(string Code, Type RecordType);
