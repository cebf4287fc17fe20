// The projects domain (民生实事): the candidates a 票决 chose, followed through the year.
export { type AdoptInput, type EditInput, type Projects, type ProjectsDeps, createProjects } from './projects';
export { type Milestone, PROJECT_LIMITS } from './project-rules';
export { type Inspection, type ProjectView } from './project-view';
