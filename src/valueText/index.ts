/** One value-to-text module for every surface: the rules of notes/value-text-spec.md. */
export { valueText } from './valueText';
export { vectorText, vectorValueText } from './vectorText';
export { typeName, fieldText, fieldTypeName } from './typeName';
export { fieldExtension, registeredExtension, EXTENSION_KEY, REGISTERED_EXTENSIONS } from './extensionName';
export { float64Text, float32Text, float16Text } from './floatText';
export { decimalText, decimalToDouble, decimalWordsToBigInt, scaledText } from './decimalText';
export { date32Text, date64Text } from './dateText';
export { timeText } from './timeText';
export { timestampText } from './timestampText';
export { durationText } from './durationText';
export { monthIntervalText, dayTimeIntervalText, monthDayNanoIntervalText } from './intervalText';
export { binaryText, binaryTextNested, escapedTextBytes } from './binaryText';
export { uuidText } from './uuidText';
export { hexBytes, hexText } from './hexText';
export { cutNested, NESTED_LIMIT } from './stringText';
export { UUID_EXTENSION } from './dataFormatter';
