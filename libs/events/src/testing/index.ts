export * from './catalogue-cases';
