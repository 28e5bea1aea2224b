using WorkflowRules.Sdk.Events;
using WorkflowRules.Sdk.Responses;

namespace WorkflowRules.Plugins.Registration;

/// <summary>A record type as declared in <c>Register</c>, before validation.</summary>
internal sealed record RecordTypeDeclaration(string Name, string Description, Type ClrType, IRecordTypeOperations Operations);

/// <summary>An event as declared in <c>Register</c>, before validation.</summary>
internal sealed record EventDeclaration(EventDefinition Definition, Type RecordClrType);

/// <summary>A response as declared in <c>Register</c>, before validation.</summary>
internal sealed record ResponseDeclaration(ResponseDefinition Definition, IResponseOperations Operations);

/// <summary>A record relation as declared in <c>Register</c>, before validation.</summary>
internal sealed record RecordRelationDeclaration(string RelatedRecordType, IRecordRelationOperations Operations);
