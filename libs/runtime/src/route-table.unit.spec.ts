import { RouteTable } from './route-table';

describe('route table', () => {
  it('names the methods served at a concrete path, parameters included', () => {
    const routes = new RouteTable();
    routes.record('/v1/learners/:learnerId/sessions', ['GET', 'HEAD']);
    routes.record('/xapi/statements', 'POST');
    routes.record('/xapi/statements', 'put');
    expect(routes.allowedMethods('/v1/learners/learner-42/sessions')).toEqual(['GET', 'HEAD']);
    expect(routes.allowedMethods('/xapi/statements/')).toEqual(['POST', 'PUT']);
    expect(routes.allowedMethods('/v1/learners/learner-42')).toEqual([]);
    expect(routes.allowedMethods('/xapi.statements')).toEqual([]);
  });
});
