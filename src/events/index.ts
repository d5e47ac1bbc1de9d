/** The events module's door: persisted, numbered progress events and their live subscribers. */
export { EventBus, type EventListener, type ProgressEvent, type ProgressInput } from './bus.ts';
export { ProgressMetadata, type EventRepository, type TopicMatch } from './event.ts';
