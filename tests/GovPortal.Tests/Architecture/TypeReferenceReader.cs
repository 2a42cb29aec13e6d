using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace GovPortal.Tests.Architecture;

/// <summary>
/// Reads a compiled assembly's metadata and IL and lists, for every type it defines, the types it names: base type,
/// interfaces, fields, method signatures and locals, attributes, and every type, method and field token in method
/// bodies. A nested or compiler-made type (lambda closure, async state machine) counts as its outermost type.
/// </summary>
public static class TypeReferenceReader
{
    /// <returns>Pairs (from, to) of full type names, both defined in the assembly.</returns>
    public static IReadOnlySet<(string From, string To)> Read(string assemblyFile)
    {
        using var stream = File.OpenRead(assemblyFile);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new SignatureNames(reader);
        var pairs = new HashSet<(string, string)>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var from = names.Outermost(handle);
            var found = new HashSet<string>(StringComparer.Ordinal);
            void Add(EntityHandle entity)
            {
                foreach (var name in names.Of(entity)) found.Add(name);
            }
            if (!type.BaseType.IsNil) Add(type.BaseType);
            foreach (var implementation in type.GetInterfaceImplementations())
                Add(reader.GetInterfaceImplementation(implementation).Interface);
            AddAttributes(reader, type.GetCustomAttributes(), Add);
            foreach (var parameter in type.GetGenericParameters())
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                    Add(reader.GetGenericParameterConstraint(constraint).Type);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                foreach (var name in field.DecodeSignature(names, null)) found.Add(name);
                AddAttributes(reader, field.GetCustomAttributes(), Add);
            }
            foreach (var propertyHandle in type.GetProperties())
                AddAttributes(reader, reader.GetPropertyDefinition(propertyHandle).GetCustomAttributes(), Add);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var signature = method.DecodeSignature(names, null);
                found.UnionWith(signature.ReturnType);
                foreach (var parameterType in signature.ParameterTypes) found.UnionWith(parameterType);
                AddAttributes(reader, method.GetCustomAttributes(), Add);
                foreach (var parameter in method.GetParameters())
                    AddAttributes(reader, reader.GetParameter(parameter).GetCustomAttributes(), Add);
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null);
                    foreach (var local in locals) found.UnionWith(local);
                }
                foreach (var token in Tokens(body.GetILReader())) Add(MetadataTokens.EntityHandle(token));
            }
            foreach (var to in found.Where(to => to != from)) pairs.Add((from, to));
        }
        return pairs;
    }

    private static void AddAttributes(MetadataReader reader, CustomAttributeHandleCollection attributes,
        Action<EntityHandle> add)
    {
        foreach (var attribute in attributes) add(reader.GetCustomAttribute(attribute).Constructor);
    }

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The metadata tokens a method body names (types, methods, fields, signatures).</summary>
    private static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            switch (Operands[code])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok
                    or OperandType.InlineType or OperandType.InlineSig:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // read first: "Offset +=" would take the offset before the read
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
        return tokens;
    }

    /// <summary>Names the types behind handles and signatures; only types defined in the assembly are named.</summary>
    private sealed class SignatureNames(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public string Outermost(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.IsNested)
            {
                handle = type.GetDeclaringType();
                type = reader.GetTypeDefinition(handle);
            }
            var ns = reader.GetString(type.Namespace);
            var name = reader.GetString(type.Name);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public ImmutableArray<string> Of(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [Outermost((TypeDefinitionHandle)handle)];
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    return [Outermost(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())];
                case HandleKind.FieldDefinition:
                    return [Outermost(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())];
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    var arguments = specification.DecodeSignature(this, null).SelectMany(t => t);
                    return [.. Of(specification.Method), .. arguments];
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    var names = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeSpecification
                        or HandleKind.MethodDefinition ? Of(member.Parent) : [];
                    if (member.GetKind() == MemberReferenceKind.Field)
                        return [.. names, .. member.DecodeFieldSignature(this, null)];
                    var signature = member.DecodeMethodSignature(this, null);
                    return [.. names, .. signature.ReturnType, .. signature.ParameterTypes.SelectMany(t => t)];
                case HandleKind.StandaloneSignature:
                    var standalone = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (standalone.GetKind() != StandaloneSignatureKind.Method) return [];
                    var method = standalone.DecodeMethodSignature(this, null);
                    return [.. method.ReturnType, .. method.ParameterTypes.SelectMany(t => t)];
                default:
                    return []; // type references name other assemblies' types
            }
        }

        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle,
            byte rawTypeKind) =>
            [Outermost(handle)];

        public ImmutableArray<string> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle,
            byte rawTypeKind) => [];

        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader r, object? context,
            TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType,
            ImmutableArray<ImmutableArray<string>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];

        public ImmutableArray<string> GetGenericMethodParameter(object? context, int index) => [];
        public ImmutableArray<string> GetGenericTypeParameter(object? context, int index) => [];

        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier,
            ImmutableArray<string> unmodifiedType, bool isRequired) =>
            unmodifiedType;

        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(t => t)];
    }
}
